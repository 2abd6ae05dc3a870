package fr.refactory.engine.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.Rejection;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * PostgreSQL cannot store the NUL character in text, so a JSON body with {@code \u0000}
 * in any name or value is rejected before it is bound, naming where the character was
 * (issue 19).
 */
@ControllerAdvice(basePackages = "fr.refactory.engine")
class NulCharacterGuard extends RequestBodyAdviceAdapter {

	private static final char NUL = '\0';

	private final ObjectMapper json;

	NulCharacterGuard(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = input.getHeaders().getContentType();
		if (type == null
				|| !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))) {
			return input;
		}
		byte[] body = input.getBody().readAllBytes();
		rejectNul(body);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

	private void rejectNul(byte[] body) {
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (IOException ex) {
			// not JSON: the converter reports it as an unreadable body
			return;
		}
		if (tree != null) {
			check(tree, "");
		}
	}

	private static void check(JsonNode node, String path) {
		if (node.isTextual() && node.textValue().indexOf(NUL) >= 0) {
			throw reject(path);
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				check(node.get(i), path + "[" + i + "]");
			}
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().indexOf(NUL) >= 0) {
				throw reject(path.isEmpty() ? "a field name" : "a field name of " + path);
			}
			check(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
		}
	}

	private static Rejection reject(String where) {
		return Rejection
			.invalidArgument("Expected text without the NUL character (\\u0000), but " + where + " contains it");
	}

}
