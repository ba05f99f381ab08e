package ru.ediary.diary;

import graphql.execution.ExecutionStepInfo;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/**
 * Whether the object a field belongs to was also asked for another field, so a batch resolver can read both in one
 * statement. Reads the document as written (fragments followed, {@code @skip}/{@code @include} not evaluated): a
 * sibling it reports may still be skipped, which costs a little reading, never a wrong answer.
 */
final class SiblingFields {

    private static final int MAX_FRAGMENT_DEPTH = 13;

    private SiblingFields() {
    }

    static boolean selected(DataFetchingEnvironment field, String sibling) {
        if (field == null || field.getExecutionStepInfo() == null) {
            return false;
        }
        ExecutionStepInfo parent = field.getExecutionStepInfo().getParent();
        if (parent == null || parent.getField() == null) {
            return false;
        }
        for (Field asked : parent.getField().getFields()) {
            if (selects(asked.getSelectionSet(), sibling, field.getFragmentsByName(), 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(SelectionSet selections, String name, Map<String, FragmentDefinition> fragments,
            int depth) {
        if (selections == null || depth > MAX_FRAGMENT_DEPTH) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && field.getName().equals(name)) {
                return true;
            }
            if (selection instanceof InlineFragment inline
                    && selects(inline.getSelectionSet(), name, fragments, depth + 1)) {
                return true;
            }
            if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && selects(fragments.get(spread.getName()).getSelectionSet(), name, fragments, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
