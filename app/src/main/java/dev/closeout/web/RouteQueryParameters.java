package dev.closeout.web;

import io.micronaut.core.annotation.AnnotatedElement;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.bind.RequestBinderRegistry;
import io.micronaut.http.bind.binders.UnmatchedRequestArgumentBinder;
import io.micronaut.http.uri.UriMatchVariable;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query parameters a route binds, read from the route itself as Micronaut binds them, so a parameter
 * added to a controller (or to a {@code @RequestBean} record such as {@code ActionListParams}) is accepted
 * without a list kept anywhere else:
 * <ul>
 *   <li>an argument with {@code @QueryValue}: its name there, else the argument's name;</li>
 *   <li>an argument with {@code @RequestBean}: the same rules over the bean's properties;</li>
 *   <li>an argument with no binding annotation, no type of its own binder (request, authentication) and no
 *       path variable of its name, on a method without a body: its name (Micronaut binds it from the query);</li>
 *   <li>query variables of the URI template ({@code {?max}}).</li>
 * </ul>
 * Micronaut also binds {@code due-before} where the name is {@code due_before} (its hyphenated fallback); that
 * spelling is not accepted here, so a client has one name per parameter, the documented one.
 */
@Singleton
class RouteQueryParameters {

    private final RequestBinderRegistry binders;
    private final Map<UriRouteInfo<?, ?>, Optional<Set<String>>> byRoute = new ConcurrentHashMap<>();

    RouteQueryParameters(RequestBinderRegistry binders) {
        this.binders = binders;
    }

    /**
     * The names {@code route} accepts, in the order it declares them; empty when it takes any query parameter
     * (an exploded {@code {?params*}} variable binds them all).
     */
    Optional<Set<String>> of(UriRouteInfo<?, ?> route) {
        return byRoute.computeIfAbsent(route, this::derive);
    }

    private Optional<Set<String>> derive(UriRouteInfo<?, ?> route) {
        Set<String> pathVariables = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (UriMatchVariable variable : route.getUriMatchTemplate().getVariables()) {
            if (variable.isQuery() && variable.isExploded()) {
                return Optional.empty();
            }
            (variable.isQuery() ? names : pathVariables).add(variable.getName());
        }
        Context context = new Context(pathVariables, HttpMethod.permitsRequestBody(route.getHttpMethod()));
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            collect(argument, argument.getName(), context, names);
        }
        return Optional.of(Collections.unmodifiableSet(names));
    }

    private record Context(Set<String> pathVariables, boolean bodyMethod) {
    }

    private void collect(AnnotatedElement element, String name, Context context, Set<String> names) {
        AnnotationMetadata annotations = element.getAnnotationMetadata();
        if (annotations.hasAnnotation(QueryValue.class)) {
            names.add(annotations.stringValue(QueryValue.class).orElse(name));
        } else if (annotations.hasAnnotation(RequestBean.class)) {
            collectBean(argumentOf(element), context, names);
        } else if (!annotations.hasStereotype(Bindable.class) && !context.pathVariables().contains(name)
                && !context.bodyMethod() && boundFromQuery(argumentOf(element))) {
            names.add(name);
        }
    }

    private void collectBean(Argument<?> bean, Context context, Set<String> names) {
        BeanIntrospection<?> introspection = BeanIntrospector.SHARED.findIntrospection(bean.getType())
                .orElseThrow(() -> new IllegalStateException("@RequestBean " + bean.getTypeName()
                        + " is not @Introspected, so its query parameters cannot be known"));
        Arrays.stream(introspection.getConstructorArguments())
                .forEach(argument -> collect(argument, argument.getName(), context, names));
        for (BeanProperty<?, ?> property : introspection.getBeanProperties()) {
            if (!property.isReadOnly()) {
                collect(property, property.getName(), context, names);
            }
        }
    }

    /** An unannotated argument Micronaut binds by its type (the request, the authentication) is no parameter. */
    private boolean boundFromQuery(Argument<?> argument) {
        return binders.findArgumentBinder(argument).map(UnmatchedRequestArgumentBinder.class::isInstance)
                .orElse(true);
    }

    private static Argument<?> argumentOf(AnnotatedElement element) {
        return element instanceof BeanProperty<?, ?> property ? property.asArgument() : (Argument<?>) element;
    }
}
