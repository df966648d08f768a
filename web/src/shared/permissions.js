// Whether the signed-in user may take an action comes from the server: the
// session's `user.allowed` lists the actions the access policy lets them take
// (docs/api.md, "Who may do what"). The pages keep no copy of which role may do
// what; they ask `can(session, 'people.write')` (a session from useSession, or its user).
export function can(who, action) {
  const user = who && typeof who === 'object' && 'user' in who ? who.user : who;
  return !!user && Array.isArray(user.allowed) && user.allowed.includes(action);
}
