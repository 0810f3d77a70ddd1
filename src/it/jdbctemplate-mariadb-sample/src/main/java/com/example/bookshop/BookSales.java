package com.example.bookshop;

/** A book and the copies of it sold. */
record BookSales(long id, String title, int copies) {
}
