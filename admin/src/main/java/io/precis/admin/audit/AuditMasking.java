package io.precis.admin.audit;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Masks what must not reach the audit log: secrets by field name, e-mail addresses and phone numbers in any text. */
final class AuditMasking {
    static final String MASK = "***";
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(password|secret|token|api[_-]?key|credential|authorization).*");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.])\\+?\\d[\\d ()-]{7,}\\d(?![\\w.])");

    private AuditMasking() {
    }

    static JsonNode mask(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELD.matcher(field.getKey().toLowerCase(Locale.ROOT)).matches()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    field.setValue(mask(field.getValue()));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i)));
            }
            return array;
        }
        return node.isTextual() ? TextNode.valueOf(maskText(node.asText())) : node;
    }

    static String maskText(String text) {
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(MASK)).replaceAll(MASK);
    }
}
