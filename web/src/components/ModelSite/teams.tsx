// #model-teams: the site's teams by founding date, each with its members, the form adding one
// and, on each, the form changing it and the confirmation deleting one entered by mistake
// (with the team's version: a 409 reloads the site and says so).
import { CardTable } from '../CardTable';
import { ModelTeamForm } from '../ModelForms';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { Toggle, ToggleSlot } from '../Toggle';
import { ApiError, models } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { teamRoleLabel } from '../../lib/models';
import type { ModelSiteDetail, ModelTeam } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import type { SectionProps } from './section';

/** #model-team-<id>-delete-form: are you sure? The team and its members go for good. */
function DeleteTeam({
  team,
  onSite,
  onStale,
  onCancel,
}: {
  team: ModelTeam;
  onSite: (site: ModelSiteDetail, confirmation: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { error, busy, run } = useAction();
  const id = `model-team-${team.id}-delete-form`;
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      try {
        const site = await models.deleteTeam(team.id, team.version);
        onSite(site, t('models.team_deleted', { name: team.name }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };
  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`} aria-describedby={`${id}-intro`}>
      <h4 id={`${id}-heading`}>{t('models.team_delete_title', { name: team.name })}</h4>
      <p id={`${id}-intro`}>{t('models.team_delete_intro', { count: formatNumber(team.members.length) })}</p>
      <ErrorMessage error={error} />
      <SubmitActions busy={busy} label={t('models.team_delete_confirm')} class="danger">
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}

function TeamMembers({ team }: { team: ModelTeam }) {
  const { t } = useI18n();
  const columns = [t('models.member_name'), t('models.team_role'), t('models.member_joined_on'), t('models.left_on')];
  const id = `model-team-${team.id}-members`;
  if (team.members.length === 0) return <p id={id}>{t('models.team_members_none')}</p>;
  return (
    <CardTable id={id} labelledBy={`model-team-${team.id}-heading`} columns={columns}>
      {team.members.map((m) => (
        <tr key={m.id} data-member-id={m.id}>
          <td data-label={columns[0]}>{m.full_name}</td>
          <td data-label={columns[1]}>{teamRoleLabel(t, m.role)}</td>
          <td data-label={columns[2]}>{formatDate(m.joined_on)}</td>
          <td data-label={columns[3]}>{formatDate(m.left_on) || '—'}</td>
        </tr>
      ))}
    </CardTable>
  );
}

export function TeamsSection(props: SectionProps) {
  const { site, keeps, open, setOpen, onDone, onSite, onStale } = props;
  const { t } = useI18n();
  const close = () => setOpen(null);
  return (
    <section aria-labelledby="model-teams-heading" id="model-teams">
      <h2 id="model-teams-heading">{t('models.teams', { count: formatNumber(site.teams.length) })}</h2>
      {site.teams.length === 0 ? <p id="model-teams-none">{t('models.teams_none')}</p> : null}
      {site.teams.map((team) => (
        <section key={team.id} aria-labelledby={`model-team-${team.id}-heading`} data-team-id={team.id}>
          <h3 id={`model-team-${team.id}-heading`}>{team.name}</h3>
          <p class="muted">
            {team.ended_on
              ? t('models.team_span_ended', { from: formatDate(team.founded_on), to: formatDate(team.ended_on) })
              : t('models.team_span', { from: formatDate(team.founded_on) })}
          </p>
          <TeamMembers team={team} />
          {keeps ? (
            <>
              <p class="actions">
                <Toggle id={`model-team-${team.id}-edit`} controls={`model-team-${team.id}-slot`} open={open === `team-${team.id}`} label={t('common.edit')} about={team.name} onOpen={(o) => setOpen(o ? `team-${team.id}` : null)} />
                <Toggle
                  id={`model-team-${team.id}-delete`}
                  controls={`model-team-${team.id}-slot`}
                  open={open === `team-${team.id}-delete`}
                  label={t('models.team_delete')}
                  about={team.name}
                  onOpen={(o) => setOpen(o ? `team-${team.id}-delete` : null)}
                />
              </p>
              <div id={`model-team-${team.id}-slot`}>
                {open === `team-${team.id}` ? <ModelTeamForm key={team.version} site={site} team={team} onDone={onDone} onStale={onStale} onCancel={close} /> : null}
                {open === `team-${team.id}-delete` ? <DeleteTeam key={team.version} team={team} onSite={onSite} onStale={onStale} onCancel={close} /> : null}
              </div>
            </>
          ) : null}
        </section>
      ))}
      {keeps ? (
        <ToggleSlot id="model-team-add" slot="model-team-new-slot" open={open === 'team-new'} label={t('models.team_add')} onOpen={(o) => setOpen(o ? 'team-new' : null)}>
          <ModelTeamForm site={site} onDone={onDone} onStale={onStale} onCancel={close} />
        </ToggleSlot>
      ) : null}
    </section>
  );
}
