package io.tidewatch.impersonation.internal;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link EndReason} by its lower-case wire name, as the table's check constraint expects. */
@Converter
class EndReasonConverter implements AttributeConverter<EndReason, String> {

    @Override
    public String convertToDatabaseColumn(EndReason reason) {
        return reason == null ? null : reason.wireName();
    }

    @Override
    public EndReason convertToEntityAttribute(String value) {
        return value == null ? null : EndReason.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
