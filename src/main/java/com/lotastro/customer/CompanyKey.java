package com.lotastro.customer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The canonical key of a company name: upper case letters and digits only, Turkish letters folded to their Latin base,
 * so "Bursa Perde A.Ş.", "BURSA PERDE AS" and "Bursa  Perde A.S." are one company ({@code BURSAPERDEAS}).
 */
public final class CompanyKey {
    private CompanyKey() {
    }

    /** The key, or an empty string when the name has no letter or digit at all. */
    public static String of(String companyName) {
        if (companyName == null) {
            return "";
        }
        // Turkish dotted/dotless i first: Locale.ROOT upper-casing would turn "ı" into "I" but "i" into "I" too, while
        // a Turkish locale turns "i" into "İ"; folding both to I before anything else gives one answer everywhere.
        StringBuilder folded = new StringBuilder(companyName.length());
        for (char c : companyName.toCharArray()) {
            folded.append(switch (c) {
                case 'ı', 'i', 'İ', 'I' -> 'I';
                case 'ş', 'Ş' -> 'S';
                case 'ğ', 'Ğ' -> 'G';
                case 'ç', 'Ç' -> 'C';
                case 'ö', 'Ö' -> 'O';
                case 'ü', 'Ü' -> 'U';
                default -> c;
            });
        }
        // Other accents (â, î, û, é) lose their marks: NFD splits them off as combining characters.
        String withoutMarks = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder key = new StringBuilder(withoutMarks.length());
        withoutMarks.toUpperCase(Locale.ROOT).codePoints()
                .filter(cp -> (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
