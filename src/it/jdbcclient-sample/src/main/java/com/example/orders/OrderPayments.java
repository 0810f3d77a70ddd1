package com.example.orders;

import java.math.BigDecimal;

/** An order's total and what was paid of it. */
record OrderPayments(long id, BigDecimal total, BigDecimal paid) {
}
