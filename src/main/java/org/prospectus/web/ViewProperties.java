package org.prospectus.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.templateboundaries.AbstractTemplateBoundariesProcessor;
import org.thymeleaf.processor.templateboundaries.ITemplateBoundariesStructureHandler;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;

/**
 * Reads the properties of the portal's own view objects ({@code ${programme.title}}) in
 * templates without SpEL's search for an accessor on every read (issue 15).
 * <p>
 * SpEL remembers the accessor that read a property, but uses what it remembered only when
 * that accessor is one of the evaluation context's. For a getter, what it remembers is an
 * accessor made for that one member, which never is; so every read of every property on
 * every page searched the context's accessors again, asked Thymeleaf's access check, and
 * made a new one-member accessor. On the programme page that was a fifth of the server's
 * CPU. This accessor is put into the context of every page Thymeleaf renders: it answers
 * only for classes under {@code org.prospectus}, keeps one member accessor per class and
 * property (made by SpEL's own {@link ReflectivePropertyAccessor}, so the same getters,
 * is- and record accessors are found as before), and SpEL finds it in the context each
 * time.
 * <p>
 * Reads of anything else (maps, the JDK's types, Thymeleaf's own objects) go through
 * Thymeleaf's accessors and their access checks as before, and so do expressions
 * evaluated in Thymeleaf's restricted mode, whose context has its own accessors.
 */
@Component
class ViewProperties extends AbstractProcessorDialect {

	static final String OWN_PACKAGE = "org.prospectus.";

	static final Accessor ACCESSOR = new Accessor();

	ViewProperties() {
		super("Prospectus view properties", "prospectus", 0);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new AddAccessor());
	}

	/** Puts the accessor into the context of each template Thymeleaf renders. */
	static final class AddAccessor extends AbstractTemplateBoundariesProcessor {

		AddAccessor() {
			super(TemplateMode.HTML, 0);
		}

		@Override
		public void doProcessTemplateStart(ITemplateContext context, ITemplateStart templateStart,
				ITemplateBoundariesStructureHandler structureHandler) {
			Object evaluation = context
				.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME);
			if (evaluation instanceof StandardEvaluationContext standard) {
				add(standard);
			}
		}

		@Override
		public void doProcessTemplateEnd(ITemplateContext context, ITemplateEnd templateEnd,
				ITemplateBoundariesStructureHandler structureHandler) {
		}

	}

	/** Adds the accessor to a context, before its reflective one; once. */
	static void add(StandardEvaluationContext context) {
		List<PropertyAccessor> accessors = context.getPropertyAccessors();
		if (!accessors.contains(ACCESSOR)) {
			context.addPropertyAccessor(ACCESSOR);
		}
	}

	static final class Accessor implements PropertyAccessor {

		/** What is left in the cache for a property the class does not have. */
		private static final PropertyAccessor NONE = new ReflectivePropertyAccessor(false);

		private final ReflectivePropertyAccessor reflective = new ReflectivePropertyAccessor(false);

		/** The members of a class this accessor does not answer for: none, ever. */
		private static final Map<String, PropertyAccessor> FOREIGN = Map.of();

		/** Per class, its member accessors by property name; asked once per class. */
		private final ClassValue<Map<String, PropertyAccessor>> members = new ClassValue<>() {
			@Override
			protected Map<String, PropertyAccessor> computeValue(Class<?> type) {
				return type.getName().startsWith(OWN_PACKAGE) ? new ConcurrentHashMap<>() : FOREIGN;
			}
		};

		@Override
		public Class<?> @Nullable [] getSpecificTargetClasses() {
			return null;
		}

		@Override
		public boolean canRead(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
			return target != null && member(context, target, name) != NONE;
		}

		@Override
		public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
			if (target == null) {
				throw new AccessException("No object to read " + name + " of");
			}
			PropertyAccessor member = member(context, target, name);
			if (member == NONE) {
				throw new AccessException("No property " + name + " on " + target.getClass().getName());
			}
			return member.read(context, target, name);
		}

		private PropertyAccessor member(EvaluationContext context, Object target, String name) throws AccessException {
			Map<String, PropertyAccessor> byName = this.members.get(target.getClass());
			if (byName == FOREIGN) {
				return NONE;
			}
			PropertyAccessor member = byName.get(name);
			if (member == null) {
				member = this.reflective.canRead(context, target, name)
						? this.reflective.createOptimalAccessor(context, target, name) : NONE;
				byName.put(name, member);
			}
			return member;
		}

		@Override
		public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
			return false;
		}

		@Override
		public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
				throws AccessException {
			throw new AccessException("Templates do not write properties");
		}

	}

}
