import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { DetailFrame, FactsPanel, useDetail } from '../components/DetailFrame';
import { Toggle, ToggleSlot } from '../components/Toggle';
import { MemberForm, TeamForm } from '../components/TeamForms';
import { TeamPatrols } from '../components/TeamPatrols';
import { NO_UNITS } from '../components/UnitPicker';
import { teams, units } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatDate, formatNumber } from '../lib/format';
import type { SecurityTeamDetail, TeamMember } from '../lib/schema';
import { positionLabel, teamTitle } from '../lib/teams';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';

/** Which form of the page is open (one at a time): "edit", "member-new", "member-7", "patrol". */
type Open = string | null;

interface Changes {
  /** Something was written: say so and load the team again. */
  onDone: (confirmation: string) => void;
  /** Someone else changed it meanwhile (409): load the team again and say so. */
  onStale: () => void;
}

function Facts({ team }: { team: SecurityTeamDetail }) {
  const { t } = useI18n();
  const facts: [string, string][] = [
    [t('teams.code'), team.code],
    [t('teams.name'), team.name],
    [t('teams.commune'), team.commune_name],
    [t('teams.villages'), team.villages.map((v) => v.name).join(', ') || '—'],
    [t('teams.decision_number'), team.decision_number || '—'],
    [t('teams.decision_on'), formatDate(team.decision_on) || '—'],
    [t('teams.decision_signer'), team.decision_signer || '—'],
    [t('teams.founded_on'), formatDate(team.founded_on) || '—'],
    [t('teams.members_today'), t('teams.members_value', { count: formatNumber(team.members) })],
    [t('teams.dissolved_on'), formatDate(team.dissolved_on) || '—'],
    [t('teams.note'), team.note || '—'],
  ];
  return <FactsPanel id="team-facts" heading={t('teams.facts')} facts={facts} />;
}

/** "Có, công khai", "Có, không công khai", "Chưa có": never the number. */
function phoneState(t: ReturnType<typeof useI18n>['t'], m: TeamMember): string {
  if (!m.has_phone) return t('teams.phone_none');
  return m.phone_public ? t('teams.phone_public_yes') : t('teams.phone_private');
}

/** One table of members: those in the team, or those who left (with the day). */
function MemberTable({
  id,
  heading,
  members,
  left,
  writes,
  open,
  setOpen,
}: {
  id: string;
  heading: string;
  members: readonly TeamMember[];
  left: boolean;
  writes: boolean;
  open: Open;
  setOpen: (open: Open) => void;
}) {
  const { t } = useI18n();
  // Each row's cells with their headings, in the table's order.
  const cells = (m: TeamMember): [string, ComponentChildren][] => [
    [t('teams.member_name'), m.full_name],
    [t('teams.birth_date'), m.birth_date ? formatDate(m.birth_date) : String(m.birth_year)],
    [t('teams.position'), positionLabel(t, m.position)],
    [t('teams.residence'), m.residence || '—'],
    [t('teams.phone'), phoneState(t, m)],
    [t('teams.joined_on'), formatDate(m.joined_on)],
    ...(left ? [[t('teams.left_on'), formatDate(m.left_on)] as [string, ComponentChildren]] : []),
    [t('teams.note'), m.note || '—'],
    ...(writes
      ? [
          [
            t('teams.actions'),
            <Toggle key="edit" id={`team-member-${m.id}-edit`} controls="team-member-slot" open={open === `member-${m.id}`} label={t('common.edit')} about={m.full_name} onOpen={(o) => setOpen(o ? `member-${m.id}` : null)} />,
          ] as [string, ComponentChildren],
        ]
      : []),
  ];
  const first = members[0];
  const columns = first ? cells(first).map(([label]) => label) : [];
  return (
    <>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <CardTable id={id} labelledBy={`${id}-heading`} columns={columns}>
        {members.map((m) => (
          <tr key={m.id} data-member-id={m.id}>
            {cells(m).map(([label, content]) => (
              <td key={label} data-label={label}>
                {content}
              </td>
            ))}
          </tr>
        ))}
      </CardTable>
    </>
  );
}

function Members({ team, writes, open, setOpen, onDone, onStale }: Changes & { team: SecurityTeamDetail; writes: boolean; open: Open; setOpen: (open: Open) => void }) {
  const { t } = useI18n();
  const current = team.member_list.filter((m) => m.left_on === null);
  const former = team.member_list.filter((m) => m.left_on !== null);
  const close = () => setOpen(null);
  const editing = team.member_list.find((m) => open === `member-${m.id}`);
  return (
    <section aria-labelledby="team-members-heading" id="team-members">
      <h2 id="team-members-heading">{t('teams.members_title', { count: formatNumber(team.members) })}</h2>
      <p class="actions">
        <a href={teams.memberListUrl(team.id)} download class="button secondary" id="team-members-docx" aria-describedby="team-members-docx-hint">
          {t('teams.member_list_docx')}
        </a>
        <span id="team-members-docx-hint" class="muted">
          {t('teams.member_list_docx_hint')}
        </span>
      </p>
      {writes ? (
        <p class="actions">
          <Toggle id="team-member-add" controls="team-member-slot" open={open === 'member-new'} label={t('teams.member_add')} onOpen={(o) => setOpen(o ? 'member-new' : null)} />
        </p>
      ) : null}
      {writes ? (
        <div id="team-member-slot">
          {open === 'member-new' ? <MemberForm team={team} onDone={onDone} onStale={onStale} onCancel={close} /> : null}
          {editing ? <MemberForm key={`${editing.id}-${editing.version}`} team={team} member={editing} onDone={onDone} onStale={onStale} onCancel={close} /> : null}
        </div>
      ) : null}
      {team.member_list.length === 0 ? <p id="team-members-none">{t('teams.members_none')}</p> : null}
      {current.length > 0 ? (
        <MemberTable id="team-members-current" heading={t('teams.members_current', { count: formatNumber(current.length) })} members={current} left={false} writes={writes} open={open} setOpen={setOpen} />
      ) : null}
      {former.length > 0 ? (
        <MemberTable id="team-members-former" heading={t('teams.members_former', { count: formatNumber(former.length) })} members={former} left writes={writes} open={open} setOpen={setOpen} />
      ) : null}
    </section>
  );
}

/**
 * /teams/:id: one village security team: its founding decision and villages (and their
 * change, with the version seen; a 409 reloads it and says so), its members in the team and
 * those who left (with the public member list to print), and its patrol log with each
 * patrol's route on the map and the form recording one.
 */
export function TeamPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const writes = can(user, 'teams.keep');
  // Patrols: those who walk them, the village's witnesses (as for drills).
  const records = can(user, 'households.witness');
  const [open, setOpen] = useState<Open>(null);
  const detail = useDetail(params, teams.get);
  // The villages offered when the team is changed: only those who change it need the tree.
  const tree = useAsync((signal) => (writes ? units.tree(false, signal) : Promise.resolve(undefined)), [writes]);
  const team = detail.state.data;
  const changes: Changes = {
    onDone: (confirmation) => {
      detail.changed(confirmation);
      setOpen(null);
    },
    onStale: detail.conflict,
  };

  return (
    <DetailFrame
      back={{ href: '/teams', label: t('teams.back') }}
      title={team ? teamTitle(team) : t('teams.title')}
      detail={detail}
      staleTitle={t('teams.stale')}
      demoNote={t('teams.demo_note')}
    >
      {(team) => (
        <>
          <Facts team={team} />
          {writes ? (
            <ToggleSlot id="team-edit-toggle" slot="team-edit-slot" open={open === 'edit'} label={t('teams.edit')} onOpen={(o) => setOpen(o ? 'edit' : null)}>
              <TeamForm
                key={team.version}
                roots={tree.data?.roots ?? NO_UNITS}
                loading={tree.loading}
                team={team}
                onDone={(_saved, confirmation) => changes.onDone(confirmation)}
                onStale={changes.onStale}
              />
            </ToggleSlot>
          ) : null}
          <Members team={team} writes={writes} open={open} setOpen={setOpen} {...changes} />
          <TeamPatrols team={team} records={records} open={open === 'patrol'} onOpen={(o) => setOpen(o ? 'patrol' : null)} onRecorded={changes.onDone} />
        </>
      )}
    </DetailFrame>
  );
}
