package com.example.orders;

import java.math.BigDecimal;

/** An order in the list, with its customer's name. */
record OrderLine(long id, String customer, BigDecimal total) {
}
