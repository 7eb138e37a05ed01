package com.lotastro.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The canonical company key, without Quarkus. */
class CompanyKeyTest {

    @Test
    void shouldFoldSpellingsOfOneCompanyToOneKey() {
        assertThat(CompanyKey.of("Bursa Perde A.Ş.")).isEqualTo("BURSAPERDEAS");
        assertThat(CompanyKey.of("BURSA PERDE AS")).isEqualTo("BURSAPERDEAS");
        assertThat(CompanyKey.of("Bursa  Perde A.S.")).isEqualTo("BURSAPERDEAS");
        assertThat(CompanyKey.of("bursa perde a.ş.")).isEqualTo("BURSAPERDEAS");
    }

    @Test
    void shouldFoldEveryTurkishLetterTheSameWayInAnyDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(CompanyKey.of("İpekçi Örme Güneş Işık Şal ığüşöç")).isEqualTo("IPEKCIORMEGUNESISIKSALIGUSOC");
            Locale.setDefault(Locale.ROOT);
            assertThat(CompanyKey.of("İpekçi Örme Güneş Işık Şal ığüşöç")).isEqualTo("IPEKCIORMEGUNESISIKSALIGUSOC");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldKeepDigitsAndDropEverythingElse() {
        assertThat(CompanyKey.of("100% Cotton Ltd. Şti. (2024)")).isEqualTo("100COTTONLTDSTI2024");
        assertThat(CompanyKey.of("Tekstil-Âlem & Co")).isEqualTo("TEKSTILALEMCO");
    }

    @Test
    void shouldGiveAnEmptyKeyForANameWithoutLettersOrDigits() {
        assertThat(CompanyKey.of(" .-&! ")).isEmpty();
        assertThat(CompanyKey.of(null)).isEmpty();
    }
}
