package io.tidewatch.imap;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Go's {@code json:",string"} numbers: the value must be a JSON string holding digits ({@code "993"}); a JSON number
 * or anything else fails to decode, as it does in Gophish.
 */
@RegisterForReflection
final class GoStringNumber extends StdDeserializer<Long> {

    private static final long serialVersionUID = 1L;

    GoStringNumber() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Long) context.handleUnexpectedToken(Long.class, parser);
        }
        String text = parser.getText();
        if (!text.matches("[0-9]{1,10}")) {
            return (Long) context.handleWeirdStringValue(Long.class, text, "not a decimal number");
        }
        return Long.parseLong(text);
    }
}
