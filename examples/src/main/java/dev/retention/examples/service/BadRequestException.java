package dev.retention.examples.service;

/**
 * A request the service cannot answer because of one of its query parameters: answered with HTTP 400 and a JSON
 * object naming the parameter and the value given ({@code null} when it is missing).
 */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;

    /**
     * @param parameter the offending parameter
     * @param value     its value as given, or {@code null} when it is missing
     * @param message   what was expected, naming the parameter and the value
     */
    BadRequestException(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    /** The JSON answer: the message, the parameter and the value. */
    JsonObject toJson() {
        return new JsonObject().put("error", getMessage()).put("parameter", parameter).put("value", value);
    }
}
