"""Invented article texts that several test modules build their pages from."""

from __future__ import annotations

# A news story of four paragraphs, a list of them, and its headline.
FERRY_HEADLINE = "Harbour town votes to keep its last ferry running"
FERRY_ARTICLE = [
    "The council voted on Tuesday night to pay for the winter crossings to the islands for three "
    "more years, after a meeting that ran until almost midnight and was watched by hundreds.",
    "Islanders who work on the mainland had warned that without the boat they would have to "
    "choose between a rented room in town every week and the jobs they have held for years.",
    "The ferry company said it was grateful for the help, but that the money would only cover "
    "the winter months and that the summer timetable would have to pay its own way.",
    "The harbour master said the berth would be kept free for the ferry in the evenings, and "
    "that the fishing fleet had agreed to tie up on the north side of the quay instead.",
]

# A news story of three paragraphs, as one text.
NIGHT_BOAT_BODY = (
    "The harbour board said on Tuesday that the night crossing to the islands would stop "
    "at the end of the month, after sixty years in which the boat never missed a winter.\n\n"
    "Islanders who work on the mainland said they had not been asked, and that the morning "
    "boat leaves too late for anyone who starts work at eight.\n\n"
    "The board said the night boat had carried fewer than twenty passengers a crossing "
    "since the spring, and that the crew would move to the new summer route."
)
