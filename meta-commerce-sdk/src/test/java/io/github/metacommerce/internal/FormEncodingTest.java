package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormEncodingTest {

    @Test
    void encodesAndDecodesTextOutsideTheBasicPlane() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("requests", "[{\"id\":\"A\uD83D\uDE00\",\"title\":\"Caf\u00E9 & tent?\"}]");
        params.put("item_type", "PRODUCT_ITEM");

        String encoded = FormEncoding.encode(params);

        assertThat(encoded).contains("%22A%F0%9F%98%80%22").contains("tent%3F");
        assertThat(FormEncoding.decode(encoded)).isEqualTo(params);
    }

    @Test
    void refusesAnUnpairedSurrogateInsteadOfSendingAQuestionMark() {
        for (String value : new String[] {"\uD800", "A\uDC00", "A\uDC01", "title \uD83C end"}) {
            assertThatThrownBy(() -> FormEncoding.encode(Map.of("requests", value)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("form parameter 'requests'")
                    .hasMessageContaining("not valid Unicode");
        }
    }

    @Test
    void theMessageNeverShowsTheValue() {
        assertThatThrownBy(() -> FormEncoding.encode(Map.of("client_secret", "s3cr3t\uD800")))
                .hasMessageContaining("client_secret").hasMessageContaining("character 7")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void refusesABrokenParameterName() {
        assertThatThrownBy(() -> FormEncoding.encode(Map.of("na\uDC00me", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The name of form parameter");
    }
}
