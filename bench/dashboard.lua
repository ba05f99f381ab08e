-- wrk script: the parent dashboard query, as a GraphQL POST with the bearer token in TOKEN.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = [[{"query":"query Dashboard { me { fullName email phone } myChildren { id fullName schoolClass { name school { name } } recentMarks { date subject value weight kind } weekHomework { date lessonNumber subject text } trustedPersons { id status trustedPerson { fullName } invitedBy { fullName } } } sentInvitations(first: 10) { edges { node { id status invitee { fullName } children { fullName } expiresAt } } } }"}]]

response = function(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"') then
    io.stderr:write("bad response: " .. status .. " " .. string.sub(body, 1, 200) .. "\n")
  end
end
