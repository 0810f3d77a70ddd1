package com.example.bookshop;

/** A book in the list: its author's name, how many reviews it has and its genre. */
record BookLine(long id, String title, String author, int reviews, String genre) {
}
