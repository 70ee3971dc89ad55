package org.prospectus.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessor that reads the portal's view objects in templates: it is put into every
 * page's evaluation context, reads what SpEL's own accessors read (record components,
 * getters, is-getters), leaves everything else to Thymeleaf, and writes nothing.
 */
class ViewPropertiesTests {

	record Offer(String title, Fee fee) {
	}

	static final class Fee {

		public String getAmount() {
			return "SEK 155,000";
		}

		public boolean isWaived() {
			return false;
		}

	}

	private final SpringTemplateEngine engine = engine();

	private static SpringTemplateEngine engine() {
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.addDialect(new ViewProperties());
		return engine;
	}

	private String render(String template, Map<String, Object> variables, StandardEvaluationContext evaluation) {
		Context context = new Context(Locale.ENGLISH, variables);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation);
		return this.engine.process(template, context);
	}

	private static ThymeleafEvaluationContext evaluationContext() {
		StaticApplicationContext application = new StaticApplicationContext();
		application.refresh();
		return new ThymeleafEvaluationContext(application, null);
	}

	@Test
	void readsRecordComponentsGettersAndIsGettersThroughTheAccessor() {
		ThymeleafEvaluationContext evaluation = evaluationContext();
		String html = render(
				"<p th:text=\"${offer.title}\">t</p><p th:text=\"${offer.fee.amount}\">a</p><p th:text=\"${offer.fee.waived}\">w</p>",
				Map.of("offer", new Offer("Machine Learning", new Fee())), evaluation);

		assertThat(html).isEqualTo("<p>Machine Learning</p><p>SEK 155,000</p><p>false</p>");
		assertThat(evaluation.getPropertyAccessors()).contains(ViewProperties.ACCESSOR);
	}

	@Test
	void leavesOtherObjectsToThymeleafsAccessors() throws Exception {
		ThymeleafEvaluationContext evaluation = evaluationContext();
		String html = render("<p th:text=\"${names.size()} + ' ' + ${prices.sek}\">n</p>",
				Map.of("names", List.of("a", "b"), "prices", Map.of("sek", 155000)), evaluation);

		assertThat(html).isEqualTo("<p>2 155000</p>");
		assertThat(ViewProperties.ACCESSOR.canRead(evaluation, "text", "bytes")).isFalse();
		assertThat(ViewProperties.ACCESSOR.canRead(evaluation, List.of(), "empty")).isFalse();
	}

	@Test
	void aPropertyTheObjectLacksFailsAsBefore() {
		assertThatThrownBy(() -> render("<p th:text=\"${offer.nothing}\">n</p>",
				Map.of("offer", new Offer("Machine Learning", new Fee())), evaluationContext()))
			.isInstanceOf(TemplateProcessingException.class)
			.hasMessageContaining("nothing");
	}

	@Test
	void writesNothing() throws Exception {
		Offer offer = new Offer("Machine Learning", new Fee());
		ThymeleafEvaluationContext evaluation = evaluationContext();

		assertThat(ViewProperties.ACCESSOR.canWrite(evaluation, offer, "title")).isFalse();
		assertThatThrownBy(() -> ViewProperties.ACCESSOR.write(evaluation, offer, "title", "Other"))
			.hasMessageContaining("do not write");
	}

	@Test
	void isAddedOnce() {
		ThymeleafEvaluationContext evaluation = evaluationContext();
		Map<String, Object> variables = Map.of("offer", new Offer("Machine Learning", new Fee()));
		render("<p th:text=\"${offer.title}\">t</p>", variables, evaluation);
		render("<p th:text=\"${offer.title}\">t</p>", variables, evaluation);

		assertThat(evaluation.getPropertyAccessors().stream().filter(ViewProperties.ACCESSOR::equals)).hasSize(1);
	}

}
