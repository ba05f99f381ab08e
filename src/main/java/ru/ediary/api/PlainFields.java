package ru.ediary.api;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Fetchers for the plain fields of our API types (record components, public fields): they read the property and
 * apply SmallRye's output transformation (dates, adapters) when the field has one, and nothing else.
 * <p>
 * SmallRye's own field fetcher first clones the request's context for every field it reads, filling in the path
 * as a string, the arguments and the selected fields as JSON arrays; that context is for resolvers that
 * {@code @Inject Context}, and reading a record component runs none. On a diary page of 50 lessons that was
 * several hundred clones per request and most of the page's CPU (see docs/performance.md). Fields computed by our
 * code ({@code @Source} resolvers and operations) keep SmallRye's fetchers and their context.
 * <p>
 * Registered through {@code META-INF/services}; SmallRye asks the services in order of priority and Quarkus's own
 * (priority 1) has no field fetcher, so this one is asked first and answers every field.
 */
public final class PlainFields implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<Object> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new Fetcher(field, owner);
    }

    /**
     * Reads one property of the source object; thread-safe, the accessor is built on first use. A light fetcher:
     * graphql-java builds no environment for it (arguments, step info, selection set) unless the field's output
     * adapter needs one.
     */
    static final class Fetcher implements PlugableDataFetcher<Object>, LightDataFetcher<Object> {

        private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

        private final Field field;
        private final Reference owner;
        private final Output output;
        // SmallRye's output helper reads the environment only to adapt a wrapped value (a map's key argument)
        private final boolean needsEnvironment;
        private volatile MethodHandle getter;

        Fetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.output = new Output(field);
            this.needsEnvironment = output.needed && field.hasWrapper();
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return read(environment.getSource(), environment);
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            return read(source, needsEnvironment ? environment.get() : null);
        }

        /** Whether {@link #read(Object)} gives what graphql-java's fetch would. */
        boolean readsWithoutEnvironment() {
            return !needsEnvironment;
        }

        /** The field's value on this source, for a fetcher that {@link #readsWithoutEnvironment()}. */
        Object read(Object source) throws Exception {
            return read(source, null);
        }

        private Object read(Object source, DataFetchingEnvironment environment) throws Exception {
            if (source == null) {
                return null;
            }
            Object value;
            try {
                value = (Object) getter().invokeExact(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new GraphQLException(e);
            }
            if (!output.needed) {
                return value;
            }
            try {
                return output.transformOrAdaptResponse(value, environment);
            } catch (AbstractDataFetcherException e) {
                // as SmallRye's fetcher does: the untransformed value, which the scalar then refuses or writes
                return value;
            }
        }

        private MethodHandle getter() {
            MethodHandle handle = getter;
            if (handle == null) {
                handle = accessor();
                getter = handle;
            }
            return handle;
        }

        /** The same member SmallRye's fetcher would read: the named accessor method, else the public field. */
        private MethodHandle accessor() {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                Member member = field.getMethodName() == null
                        ? type.getField(field.getPropertyName())
                        : type.getMethod(field.getMethodName());
                // a public accessor of a record nested in a package-private class is still not accessible
                ((AccessibleObject) member).trySetAccessible();
                MethodHandle handle = member instanceof Method method
                        ? MethodHandles.lookup().unreflect(method)
                        : MethodHandles.lookup().unreflectGetter((java.lang.reflect.Field) member);
                return handle.asType(GETTER);
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }

    /** SmallRye's output helper, asked once whether this field needs it at all. */
    private static final class Output extends FieldHelper {

        final boolean needed;

        Output(Field field) {
            super(field);
            this.needed = shouldTransform(field) || shouldAdapt(field);
        }
    }
}
