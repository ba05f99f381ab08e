package ru.ediary.test;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Unique, valid values, so tests sharing one database never see each other's people. */
public final class TestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(SEQUENCE.incrementAndGet(), 36) + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    /** A Moscow mobile in E.164, unique per call within a run. */
    public static String mobile() {
        long tail = (SEQUENCE.incrementAndGet() * 7919 + ThreadLocalRandom.current().nextInt(1000)) % 10_000_000;
        return "+7916" + String.format("%07d", tail);
    }

    public static String email() {
        return unique("user") + "@example.ru";
    }

    /** A valid 11-digit SNILS (no separators) with a random number above the unchecked range. */
    public static String snils() {
        int number = 2_000_000 + ThreadLocalRandom.current().nextInt(997_000_000);
        String digits = String.format("%09d", number);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
        return digits + String.format("%02d", check);
    }
}
