// The SPA fixture (e2e/spa.sh): signs in through Keycloak with authorization code + PKCE (oidc-client-ts), calls
// the access API cross-origin with the bearer token, and listens for notifications over graphql-transport-ws
// (graphql-ws). Bundled by esbuild when the journey starts; window.EDIARY_SPA comes from /config.js.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createClient } from 'graphql-ws';

const config = window.EDIARY_SPA;
const $ = (id) => document.getElementById(id);
const users = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${location.origin}/callback`,
    response_type: 'code', // oidc-client-ts always adds PKCE (S256) to the code flow
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
});
let user;

async function api(query, variables = {}) {
    const response = await fetch(config.api, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${user.access_token}` },
        body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors?.length) {
        throw new Error(`${body.errors[0].extensions?.code ?? 'ERROR'}: ${body.errors[0].message}`);
    }
    return body.data;
}

function el(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
}

async function showAccess() {
    const { diaryAccess } = await api(`{ diaryAccess {
        children { capacity child { id fullName schoolClass { name } } }
        nextSteps { code message } } }`);
    const list = $('children');
    const invitable = $('invite-children');
    list.replaceChildren();
    invitable.replaceChildren();
    for (const { capacity, child } of diaryAccess.children) {
        const item = el('li', undefined, { 'data-child-id': child.id, 'data-capacity': capacity });
        const open = el('button', `${child.fullName}, ${child.schoolClass.name}`, { class: 'open-diary' });
        open.addEventListener('click', () => showDiary(child).catch(fail));
        item.append(open, ` — ${capacity}`);
        list.append(item);
        if (capacity === 'PARENT') {
            const box = el('input', undefined, { type: 'checkbox', value: child.id, id: `invite-${child.id}` });
            invitable.append(box, el('label', child.fullName, { for: box.id }), ' ');
        }
    }
    $('next-steps').textContent = diaryAccess.nextSteps.map((s) => s.message).join(' ');
    $('invite').hidden = invitable.childElementCount === 0;
}

async function showDiary(child) {
    const { diary } = await api(`query($c: ID!) { diary(childId: $c, first: 20) {
        edges { node { date subject topic marks { value } } } } }`, { c: child.id });
    $('diary-child').textContent = child.fullName;
    $('diary-rows').replaceChildren(...diary.edges.map(({ node }) => {
        const row = el('tr');
        row.append(el('td', node.date), el('td', node.subject), el('td', node.topic),
            el('td', node.marks.map((m) => m.value).join(', ')));
        return row;
    }));
    $('diary').hidden = false;
}

async function sendInvitation() {
    const childIds = [...document.querySelectorAll('#invite-children input:checked')].map((box) => box.value);
    const { sendInvitation: payload } = await api(`mutation($input: InvitationInput!, $key: String!) {
        sendInvitation(input: $input, idempotencyKey: $key) {
          invitation { id status } userErrors { field code message } } }`, {
        key: crypto.randomUUID(),
        input: { service: 'ELECTRONIC_DIARY', childIds, phone: $('invite-phone').value, surname: $('invite-surname').value },
    });
    $('invite-result').textContent = payload.userErrors.length
        ? payload.userErrors.map((e) => `${e.code}: ${e.message}`).join('; ')
        : `Приглашение отправлено (${payload.invitation.status})`;
}

function addNotification(notification, live) {
    const item = el('li', `${notification.title}: ${notification.body}`,
        { 'data-kind': notification.kind, 'data-id': notification.id, class: live ? 'live' : '' });
    if (notification.kind === 'INVITATION_RECEIVED' && notification.invitationId) {
        const accept = el('button', 'Принять', { class: 'accept' });
        accept.addEventListener('click', async () => {
            try {
                const { acceptInvitation } = await api(`mutation($id: ID!) {
                    acceptInvitation(id: $id) { invitation { status } userErrors { code message } } }`,
                { id: notification.invitationId });
                accept.replaceWith(el('span', ` → ${acceptInvitation.invitation?.status
                    ?? acceptInvitation.userErrors.map((e) => e.code).join(', ')}`, { class: 'accepted' }));
            } catch (e) {
                fail(e);
            }
        });
        item.append(' ', accept);
    }
    $('notifications').prepend(item);
}

function listen() {
    const client = createClient({
        url: config.ws,
        connectionParams: () => ({ Authorization: `Bearer ${user.access_token}` }),
        on: { connected: () => { $('live-status').textContent = 'Уведомления: подключено'; } },
    });
    client.subscribe({ query: 'subscription { notificationAdded { id kind title body invitationId } }' }, {
        next: ({ data, errors }) => (errors ? fail(new Error(errors[0].message)) : addNotification(data.notificationAdded, true)),
        error: (e) => fail(e instanceof Error ? e : new Error(`subscription closed: ${e?.code ?? e}`)),
        complete: () => {},
    });
}

function fail(error) {
    $('error').textContent = String(error?.message ?? error);
}

async function main() {
    if (location.pathname === '/callback') {
        await users.signinRedirectCallback();
        history.replaceState(null, '', '/');
    }
    user = await users.getUser();
    if (!user || user.expired) {
        $('signed-out').hidden = false;
        $('sign-in').addEventListener('click', () => users.signinRedirect().catch(fail));
        return;
    }
    $('signed-in').hidden = false;
    $('invite-send').addEventListener('click', () => sendInvitation().catch(fail));
    $('refresh').addEventListener('click', () => showAccess().catch(fail));
    const { me } = await api('{ me { fullName } }');
    $('who').textContent = me.fullName;
    await showAccess();
    listen();
}

main().catch(fail);
