package dev.tollgate.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON convention of every Tollgate API: snake_case names (a Java record component
 * {@code riskScore} is {@code risk_score} on the wire), ISO-8601 timestamps, unknown fields
 * ignored on input (a tolerant reader; required fields are checked by the reader itself), and
 * no coercion of scalars ({@code "amount": "100"} and {@code "amount": 1.5} are refused,
 * not read as 100 and 1; {@code "number": 4242} is refused for a text field).
 */
public final class Json {
  private static final ObjectMapper MAPPER = create();

  private Json() {}

  /** A new mapper with the convention; mappers are thread-safe once configured. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(LogicalType.Textual, text -> text
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
  }

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
