"""Articles written for the web tests (not from the seeds): one that belongs to the demo's
Kursk story, one about nothing in the demo."""

KURSK_UPDATE = {
    "title": "North Korean troops in Kursk now number about 8,000, Ukrainian intelligence says",
    "outlet": "Riverside Herald",
    "published": "2024-11-02T10:00:00+00:00",
    "url": "https://riverside-herald.example/world/north-korean-troops-kursk-8000",
    "text": (
        "About 8,000 North Korean soldiers are now in Russia's Kursk region, Ukraine's military "
        "intelligence chief Kyrylo Budanov said on Saturday, up from earlier estimates.\n"
        "The North Korean troops arrived in Kursk by train and by air over the past week and are expected "
        "to join Russian forces in a counter-attack against Ukrainian units holding ground in the region, "
        "Budanov told reporters in Kyiv.\n"
        "The Kremlin has denied that North Korean troops are in Russia. NATO officials said last week that "
        "they had seen North Korean units moved to the Kursk region."
    ),
}

UNRELATED = {
    "title": "Library in Brennick extends its opening hours for the winter",
    "outlet": "Riverside Herald",
    "published": "2024-10-30T12:00:00+00:00",
    "text": (
        "The public library in the town of Brennick will stay open until nine in the evening from next "
        "month, the town council said on Wednesday. The council said more people had asked for quiet "
        "places to study during the winter, and that the longer hours would cost about 12,000 euros a year. "
        "Volunteers will run a reading club for children on Saturday mornings."
    ),
}
