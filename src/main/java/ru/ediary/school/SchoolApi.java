package ru.ediary.school;

import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class SchoolApi {

    @Inject
    SchoolRecordsService records;
    @Inject
    RosterService roster;

    @Query("myClasses")
    @Description("For a class teacher, the classes they lead; for a school system, every class of its school. "
            + "Each with its students and their recorded contacts (masked). FORBIDDEN for anyone else.")
    public @NonNull List<@NonNull ClassRosterView> myClasses() throws ApiException {
        return records.myClasses();
    }

    @Mutation("recordGuardianContact")
    @Description("Adds or corrects a legal representative's contacts for a student of the caller's class "
            + "(class teacher) or school (school system).")
    public @NonNull GuardianContactPayload recordGuardianContact(
            @Name("input") @NonNull @Description("The representative's contacts.") GuardianContactInput input)
            throws ApiException {
        return records.recordGuardianContact(input);
    }

    @Mutation("removeGuardianContact")
    @Description("Removes a legal representative's record; their direct access ends with it.")
    public @NonNull RemoveGuardianContactPayload removeGuardianContact(
            @Name("id") @Id @NonNull @Description("The GuardianContact record to remove.") String id)
            throws ApiException {
        return records.removeGuardianContact(id);
    }

    @Mutation("recordStudentContacts")
    @Description("Records the student's own e-mail and mobile phone, which give the student access to their diary.")
    public @NonNull StudentContactsPayload recordStudentContacts(
            @Name("input") @NonNull @Description("The student and their contacts.") StudentContactsInput input)
            throws ApiException {
        return records.recordStudentContacts(input);
    }

    @Mutation("upsertRoster")
    @Description("School systems only: creates or updates the school's classes, students and their legal "
            + "representatives in bulk, keyed by external ids. All or nothing: a payload with a bad row is refused "
            + "whole, with every bad row named in one answer.")
    public @NonNull RosterPayload upsertRoster(
            @Name("input") @NonNull @Description("The classes and students to create or update.") RosterInput input)
            throws ApiException {
        return roster.upsert(input);
    }
}
