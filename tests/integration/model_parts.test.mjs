// What hangs on a model site, over HTTP on the demo (issue 11): a linked site of Tân Trào
// with Kiến Thiết gets a steering board (one head; the site's version moves), a team with
// members (one leader at a time, inside the site's and the team's dates), its activity log
// by the offline rule (sent twice, stored once; a stale edit is a 409 and keeps the
// officer's text), its yearly assessment and its regulation document (a PDF read back byte
// for byte; a program refused). Kiến Thiết's officer reads it all and changes nothing;
// bad input names each field and writes nothing; each change is audited without names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { start, signInPeople, unitIds, sql, vnDay, fieldsOf, auditEntries } from './lib.mjs';

let server;
let ids;
let site;  // the linked site, as created
const people = {};
const BASE = '/api/v1/community';
const TODAY = vnDay();
const YEAR = Number(TODAY.slice(0, 4));
const LAUNCHED = '2024-03-26';
// Rows of a table beyond the demo's (its two sites have boards, teams, a log and an assessment).
const demoRows = {};
const rows = (table) => Number(sql(server, `SELECT COUNT(*) FROM ${table}`));
const count = (table) => rows(table) - demoRows[table];
const demoAudits = {};
const ACTIONS = ['model_site.board', 'model_team.create', 'model_team.update', 'model_team.delete', 'model_activity.record',
  'model_site.assessment', 'model_site.regulation'];
const audits = (action) => auditEntries(server, action) - demoAudits[action];
const TABLES = ['model_site_board', 'model_teams', 'model_team_members', 'model_site_activities', 'model_site_assessments',
  "community_files WHERE owner_kind = 'model_site'"];
const PEOPLE = ['officer.tantrao', 'officer.kienthiet', 'team.khuondien', 'reviewer.tuyenquang', 'admin'];

before(async () => {
  server = await start();
  for (const table of TABLES) demoRows[table] = rows(table);
  for (const action of ACTIONS) demoAudits[action] = auditEntries(server, action);
  ids = await unitIds(server.url);
  await signInPeople(server.url, people, PEOPLE);
  const types = Object.fromEntries((await people.admin.get(`${BASE}/model-types`)).data.items.map((t) => [t.code, t]));
  const r = await people['officer.tantrao'].post(`${BASE}/model-sites`, {
    type_id: types.LKANTT.id, unit_id: ids['02545'], name: 'Liên kết ANTT Tân Trào – Kiến Thiết', launched_on: LAUNCHED,
    participants: [{ unit_id: ids['DEMO-KIENTHIET'], joined_on: LAUNCHED }],
  });
  assert.equal(r.status, 201, r.text);
  site = r.data;
  assert.deepEqual([site.board, site.teams, site.assessments, site.regulation, site.may_keep], [[], [], [], null, true]);
});
after(async () => server?.close());

test('the board: one head, the site\'s version moves, a stale version is a 409; Kiến Thiết reads it and changes nothing', async () => {
  const officer = people['officer.tantrao'];
  const board = [
    { full_name: 'Nguyễn Văn Hải', title: 'Phó Chủ tịch UBND xã', role: 'head' },
    { full_name: 'Hoàng Thị Lan', title: 'Chủ tịch Hội Phụ nữ', role: 'member' },
  ];
  const bad = await officer.put(`${BASE}/model-sites/${site.id}/board`, {
    version: site.version, members: [...board, { full_name: ' ', title: '', role: 'head' }, { full_name: 'X', role: 'boss' }],
  });
  assert.equal(bad.status, 422, bad.text);
  assert.deepEqual(fieldsOf(bad), ['members.full_name:required', 'members.role:unknown_value', 'members:two_heads']);
  // A row's error names its row (from 0), for the form to show it there.
  assert.deepEqual(bad.data.errors.map((e) => [e.field, e.index ?? null]).sort(),
    [['members', null], ['members.full_name', 2], ['members.role', 3]]);
  assert.equal(count('model_site_board'), 0);
  const wrongType = await officer.put(`${BASE}/model-sites/${site.id}/board`, { version: site.version, members: [{ full_name: 7 }] });
  assert.deepEqual(fieldsOf(wrongType), ['members:wrong_type']);

  const r = await officer.put(`${BASE}/model-sites/${site.id}/board`, { version: site.version, members: board });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.board.map(({ full_name, title, role }) => ({ full_name, title, role })), board);
  assert.equal(r.data.version, site.version + 1);
  assert.equal((await officer.put(`${BASE}/model-sites/${site.id}/board`, { version: site.version, members: [] })).status, 409);

  const far = people['officer.kienthiet'];
  const seen = await far.get(`${BASE}/model-sites/${site.id}`);
  assert.equal(seen.status, 200);
  assert.equal(seen.data.board.length, 2);
  assert.equal(seen.data.may_keep, false, 'a participant reads, its own unit keeps');
  assert.equal((await far.put(`${BASE}/model-sites/${site.id}/board`, { version: r.data.version, members: [] })).status, 403);
  assert.equal((await people['team.khuondien'].get(`${BASE}/model-sites/${site.id}`)).status, 404, 'not his village');
  assert.equal(audits('model_site.board'), 1);
  assert.equal(Number(sql(server, "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Hoàng Thị Lan%'")), 0, 'no names in the audit');
});

test('a team with its members: inside the site\'s dates, one leader at a time; a change needs the team\'s version', async () => {
  const officer = people['officer.tantrao'];
  const team = {
    name: 'Tổ liên kết số 1', founded_on: '2024-04-01', ended_on: null,
    members: [
      { full_name: 'Đặng Văn Tú', role: 'leader', joined_on: '2024-04-01', left_on: null },
      { full_name: 'Ma Thị Hồng', role: 'deputy', joined_on: '2024-04-01', left_on: null },
      { full_name: 'Lý Văn Sơn', role: 'member', joined_on: '2024-05-10', left_on: null },
    ],
  };
  const bad = await officer.post(`${BASE}/model-sites/${site.id}/teams`, {
    ...team, founded_on: '2024-03-01', ended_on: vnDay(2),
    members: [...team.members, { full_name: 'Nông Văn Ba', role: 'leader', joined_on: '2024-02-01', left_on: null }],
  });
  assert.equal(bad.status, 422, bad.text);
  assert.deepEqual(fieldsOf(bad), ['ended_on:in_future', 'founded_on:before_launched', 'members.joined_on:before_founded',
    'members:two_leaders']);
  assert.equal(count('model_teams'), 0);

  const r = await officer.post(`${BASE}/model-sites/${site.id}/teams`, team);
  assert.equal(r.status, 201, r.text);
  const made = r.data.teams[0];
  assert.deepEqual(made.members.map((m) => m.role), ['leader', 'deputy', 'member']);
  // The leader hands over: the old one leaves the day the new one joins.
  const change = { ...team, version: made.version, members: [
    { ...team.members[0], left_on: '2025-01-01' }, team.members[1], team.members[2],
    { full_name: 'Hà Văn Thành', role: 'leader', joined_on: '2025-01-01', left_on: null },
  ] };
  const changed = await officer.put(`${BASE}/model-teams/${made.id}`, change);
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.teams[0].members.length, 4);
  assert.equal(changed.data.teams[0].version, made.version + 1);
  assert.equal((await officer.put(`${BASE}/model-teams/${made.id}`, change)).status, 409, 'stale');
  assert.equal((await people['officer.kienthiet'].put(`${BASE}/model-teams/${made.id}`,
    { ...change, version: made.version + 1 })).status, 403);
  assert.equal((await officer.put(`${BASE}/model-teams/999999`, change)).status, 404);
  // The site cannot be launched after its team was founded.
  const now = (await officer.get(`${BASE}/model-sites/${site.id}`)).data;
  const later = await officer.put(`${BASE}/model-sites/${site.id}`, {
    type_id: now.type_id, unit_id: now.unit_id, name: now.name, launched_on: '2024-06-01', ended_on: null, note: '',
    participants: [{ unit_id: ids['DEMO-KIENTHIET'], joined_on: '2024-06-01' }], version: now.version,
  });
  assert.deepEqual(fieldsOf(later), ['launched_on:after_records']);
  assert.equal(count('model_team_members'), 4);
  assert.equal(audits('model_team.create') + audits('model_team.update'), 2);

  // A team entered by mistake is deleted with its members, on its version.
  const mistake = await officer.post(`${BASE}/model-sites/${site.id}/teams`, { ...team, name: 'Tổ nhập nhầm' });
  assert.equal(mistake.status, 201, mistake.text);
  const wrong = mistake.data.teams.find((t) => t.name === 'Tổ nhập nhầm');
  assert.deepEqual(fieldsOf(await officer.request('DELETE', `${BASE}/model-teams/${wrong.id}`)), ['version:required']);
  assert.equal((await officer.request('DELETE', `${BASE}/model-teams/${wrong.id}?version=${wrong.version + 1}`)).status, 409);
  assert.equal((await people['officer.kienthiet'].request('DELETE', `${BASE}/model-teams/${wrong.id}?version=${wrong.version}`)).status,
    403, 'Kiến Thiết reads the linked site and keeps nothing on it');
  assert.equal((await people['team.khuondien'].request('DELETE', `${BASE}/model-teams/${wrong.id}?version=${wrong.version}`)).status, 403);
  const gone = await officer.request('DELETE', `${BASE}/model-teams/${wrong.id}?version=${wrong.version}`);
  assert.equal(gone.status, 200, gone.text);
  assert.deepEqual(gone.data.teams.map((t) => t.id), [made.id]);
  assert.equal(count('model_team_members'), 4, 'its members went with it');
  assert.equal(audits('model_team.delete'), 1);
});

test('the activity log by the offline rule: sent twice, stored once; a stale edit is a 409 and keeps the officer\'s text', async () => {
  const officer = people['officer.tantrao'];
  const id = randomUUID();
  const entry = { site_id: site.id, held_on: vnDay(-3), kind: 'meeting', participants: 14,
    content: 'Giao ban liên kết: thống nhất lịch tuần tra chung', base_version: 0 };
  const first = await officer.put(`${BASE}/model-activities/${id}`, entry);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.data.outcome, 'inserted');
  const again = await officer.put(`${BASE}/model-activities/${id}`, entry);
  assert.equal(again.status, 200);
  assert.equal(again.data.outcome, 'replayed');
  const edit = await officer.put(`${BASE}/model-activities/${id}`, { ...entry, participants: 16, base_version: 1 });
  assert.equal(edit.data.outcome, 'updated');
  const stale = await officer.put(`${BASE}/model-activities/${id}`, { ...entry, content: 'Bản trên điện thoại', base_version: 1 });
  assert.equal(stale.status, 409, stale.text);
  assert.equal((await officer.get(`${BASE}/model-activities/${id}`)).data.participants, 16);
  assert.equal(count('model_site_activities'), 1);

  const bad = await officer.put(`${BASE}/model-activities/${randomUUID()}`,
    { site_id: site.id, held_on: vnDay(1), kind: 'party', participants: -2, content: '', base_version: 0 });
  assert.deepEqual(fieldsOf(bad), ['content:required', 'held_on:in_future', 'kind:unknown_value', 'participants:out_of_range']);
  const early = await officer.put(`${BASE}/model-activities/${randomUUID()}`, { ...entry, held_on: '2024-01-01' });
  assert.deepEqual(fieldsOf(early), ['held_on:before_launched']);
  assert.equal((await officer.put(`${BASE}/model-activities/not-a-uuid`, entry)).status, 404);
  assert.equal((await people['officer.kienthiet'].put(`${BASE}/model-activities/${randomUUID()}`, entry)).status, 403);
  assert.equal((await people['reviewer.tuyenquang'].put(`${BASE}/model-activities/${randomUUID()}`, entry)).status, 403);
  assert.equal(count('model_site_activities'), 1, 'nothing written by the refusals');

  const list = await people['officer.kienthiet'].get(`${BASE}/model-sites/${site.id}/activities`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.data.items.map((a) => [a.id, a.participants]), [[id, 16]]);
  const long = await officer.get(`${BASE}/model-sites/${site.id}/activities?from=${YEAR - 2}-01-01&to=${TODAY}`);
  assert.deepEqual(fieldsOf(long), ['from:range_too_long']);
  assert.equal(audits('model_activity.record'), 2, 'inserted and updated; the replay writes nothing');
});

test('one assessment a year within the site\'s life, assessed in or after that year', async () => {
  const officer = people['officer.tantrao'];
  let version = (await officer.get(`${BASE}/model-sites/${site.id}`)).data.version;
  const put = (year, body, client = officer) =>
    client.put(`${BASE}/model-sites/${site.id}/assessments/${year}`, { version, ...body });
  const r = await put(YEAR, { rating: 'effective', note: 'Không phát sinh vụ việc phức tạp', assessed_on: TODAY });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.assessments.map((a) => [a.year, a.rating]), [[YEAR, 'effective']]);
  assert.equal(r.data.version, version + 1, 'an assessment moves the site\'s version');
  assert.deepEqual(r.data.assessable_years, Array.from({ length: YEAR - 2023 }, (_, i) => YEAR - i), 'from 2024, newest first');
  assert.equal(r.data.limits.board, 30);
  // A page opened before that assessment does not overwrite it unseen.
  const stale = await put(YEAR, { rating: 'ineffective', note: '', assessed_on: TODAY });
  assert.equal(stale.status, 409, stale.text);
  assert.deepEqual(fieldsOf(await put(YEAR, { version: undefined, rating: 'effective', assessed_on: TODAY })),
    ['version:required']);
  version = r.data.version;
  const again = await put(YEAR, { rating: 'partly_effective', note: '', assessed_on: TODAY });
  assert.deepEqual(again.data.assessments.map((a) => [a.year, a.rating]), [[YEAR, 'partly_effective']], 'replaced');
  version = again.data.version;
  assert.deepEqual(fieldsOf(await put(YEAR + 1, { rating: 'effective', assessed_on: TODAY })), ['year:out_of_range']);
  assert.deepEqual(fieldsOf(await put(2023, { rating: 'effective', assessed_on: TODAY })), ['year:out_of_range']);
  assert.deepEqual(fieldsOf(await put(YEAR, { rating: 'good', assessed_on: `${YEAR - 1}-12-31` })),
    ['assessed_on:before_year', 'rating:unknown_value']);
  assert.equal((await put(YEAR, { rating: 'effective', assessed_on: TODAY }, people['officer.kienthiet'])).status, 403);
  assert.equal((await put(YEAR, { rating: 'effective', assessed_on: TODAY }, people['reviewer.tuyenquang'])).status, 403);
  assert.equal(count('model_site_assessments'), 1);
  assert.equal(audits('model_site.assessment'), 2);
});

test('the regulation document: a PDF read back byte for byte, replaced by the next; a program refused', async () => {
  const officer = people['officer.tantrao'];
  const upload = (bytes, name, type, client = officer) => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return client.request('PUT', `${BASE}/model-sites/${site.id}/regulation`, { body: form });
  };
  assert.equal((await officer.get(`${BASE}/model-sites/${site.id}/regulation`)).status, 404, 'none yet');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const r = await upload(pdf, 'Quy chế phối hợp.pdf', 'application/pdf');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.regulation.mime, 'application/pdf');
  assert.equal(r.data.regulation.name, 'Quy chế phối hợp.pdf');
  const refused = await upload(Buffer.from('MZ\x90\x00 a program'), 'quy-che.pdf', 'application/pdf');
  assert.deepEqual(fieldsOf(refused), ['file:unsupported_document']);
  assert.equal((await upload(pdf, 'q.pdf', 'application/pdf', people['officer.kienthiet'])).status, 403);
  assert.equal((await upload(Buffer.from('MZ'), 'x.exe', 'application/pdf', people['officer.kienthiet'])).status, 403,
    'refused before its file is looked at');
  const second = Buffer.concat([pdf, Buffer.from('% sửa đổi\n')]);
  assert.equal((await upload(second, 'Quy chế (sửa đổi).pdf', 'application/pdf')).status, 200);
  assert.equal(count("community_files WHERE owner_kind = 'model_site'"), 1, 'the new one replaces the old');

  const got = await people['officer.kienthiet'].get(`${BASE}/model-sites/${site.id}/regulation`);
  assert.equal(got.status, 200);
  assert.deepEqual(got.bytes, second);
  assert.equal(got.headers.get('content-type'), 'application/pdf');
  assert.equal(got.headers.get('content-disposition'), `attachment; filename="quy-che-${site.id}.pdf"`);
  assert.equal(audits('model_site.regulation'), 2);
});

test('the unit directory finds a commune outside the officer\'s scope for a linked site\'s picker; may_record says who writes the log', async () => {
  const officer = people['officer.tantrao'];
  const r = await officer.get('/api/v1/units/directory?q=kien%20thiet&kind=commune');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.data.items.some((u) => u.id === ids['DEMO-KIENTHIET']), 'the demo\'s Kiến Thiết');
  assert.ok(r.data.items.every((u) => u.kind === 'commune' && /kiến thiết/i.test(u.name)), JSON.stringify(r.data.items));
  assert.deepEqual(r.data.items.find((u) => u.id === ids['DEMO-KIENTHIET']).within, ['Tuyên Quang'], 'where it lies');
  // for=model_site keeps the kinds a site stands on (the server's rule); history=1 adds units merged away.
  const sites = await officer.get('/api/v1/units/directory?q=tuyen%20quang&for=model_site&page_size=50');
  assert.equal(sites.status, 200, sites.text);
  assert.ok(sites.data.items.every((u) => u.kind !== 'province'), JSON.stringify(sites.data.items.map((u) => u.kind)));
  assert.deepEqual(fieldsOf(await officer.get('/api/v1/units/directory?for=camera')), ['for:unknown_value']);
  const merged = (history) => officer.get(`/api/v1/units/directory?q=kim%20quan&for=model_site${history}`);
  assert.ok(!(await merged('')).data.items.some((u) => u.id === ids['08-X-KIM-QUAN']), 'in force only, by default');
  const old = (await merged('&history=1')).data.items.find((u) => u.id === ids['08-X-KIM-QUAN']);
  assert.ok(old, 'with history=1, Kim Quan merged in 2025');
  assert.equal(old.active, false);
  assert.ok(old.valid_to);
  assert.equal((await officer.get('/api/v1/units?q=kien%20thiet')).data.total, 0, 'not in his scoped list');
  assert.deepEqual(fieldsOf(await officer.get('/api/v1/units/directory?kind=hamlet')), ['kind:unknown_value']);
  const big = await officer.get('/api/v1/units/directory?page_size=50');
  assert.equal(big.data.items.length, 50, 'at most 50 a page');
  assert.ok(big.data.total > 50);
  assert.equal((await officer.get('/api/v1/units/directory?page_size=51')).status, 422);
  // A unit joins while it is in force: Kim Quan, merged into Tân Trào on 1/7/2025, joined before that or not at all.
  const types = Object.fromEntries((await officer.get(`${BASE}/model-types`)).data.items.map((t) => [t.code, t]));
  const linkedWith = (joined_on) => officer.post(`${BASE}/model-sites`, { type_id: types.LKANTT.id, unit_id: ids['02545'],
    name: 'Liên kết với xã cũ', launched_on: LAUNCHED, participants: [{ unit_id: ids['08-X-KIM-QUAN'], joined_on }] });
  assert.deepEqual(fieldsOf(await linkedWith('2025-08-01')), ['participants:not_in_force']);
  assert.equal((await linkedWith(LAUNCHED)).status, 201, 'it took part while it existed');
  assert.equal((await officer.get(`${BASE}/model-sites/${site.id}`)).data.may_record, true);
  assert.equal((await people['officer.kienthiet'].get(`${BASE}/model-sites/${site.id}`)).data.may_record, false);
  assert.equal((await people.admin.get(`${BASE}/model-sites/${site.id}`)).data.may_record, false, 'administrators keep, do not record');
});
