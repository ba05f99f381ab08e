-- The schools of the demo realm's school systems (docker/keycloak/ediary-realm.json), in an empty schema.
-- No API creates a school: an operator registers each one and binds its school system's OIDC client
-- (school.system_client_id = the client id Keycloak puts in the token's azp) with SQL like this.
-- Everything inside a school (classes, students, contacts, diary) then comes over the API.
insert into :"schema".school (id, name, system_client_id) values
    (gen_random_uuid(), 'ГБОУ Школа № 1535', 'school-1535'),
    (gen_random_uuid(), 'ГБОУ Школа № 57', 'school-57');
