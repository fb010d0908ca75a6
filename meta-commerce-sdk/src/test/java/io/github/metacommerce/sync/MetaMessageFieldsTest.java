package io.github.metacommerce.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Meta's messages carry no field; the sync reads it from the wording (Meta's documented ones and the sandbox's). */
class MetaMessageFieldsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        // the sandbox's ItemRules wordings, as check_batch_request_status and validation_status report them
        "Missing google_product_category or fb_product_category: the product may be harder to find"
                + "|google_product_category",
        "Unrecognised field: colour (ignored)|colour",
        "title is longer than 100 characters and may be truncated|title",
        "inventory is deprecated: use quantity_to_sell_on_facebook|inventory",
        "sale_price must be less than price|sale_price",
        "Invalid sale_price_effective_date: use YYYY-MM-DDThh:mm+hh:mm/YYYY-MM-DDThh:mm+hh:mm"
                + "|sale_price_effective_date",
        "Invalid additional_image_link URL: http://x|additional_image_link",
        "Price must be greater than 0|price",
        // Meta's documented wordings (meta-graph-api.md 5.1 and 5.4)
        "Unrecognized field 'shipping_label'|shipping_label",
        "Please reduce the amount of data|''",
        // plain words that are also field names lose to a field named on purpose
        "Link to image failed (image_link)|image_link",
        "Could not download the image at this link: see field: image_link|image_link",
        "Invalid value for field=color|color",
        "The size of the image in 'additional_image_link' is too small|additional_image_link",
        "Status of the item could not be read from google_product_category|google_product_category",
        "Invalid value 'XL' for size|size",
        "This field is required for the id|id",
        "the price must be a number with a currency|price",
        "''|''",
    })
    void readsTheFieldFromTheMessage(String message, String field) {
        assertThat(MetaMessageFields.fieldOf(message)).isEqualTo(field);
    }
}
