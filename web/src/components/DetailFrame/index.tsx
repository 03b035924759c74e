import { type ComponentChildren, Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { BackLink } from '../Link';
import { LoadStatus } from '../LoadStatus';
import { AlertMessage, StatusMessage } from '../Notice';
import type { RouteParams } from '../../lib/router';
import { type AsyncState, useAsync } from '../../lib/use-async';
import { useTitle } from '../../lib/use-title';

/** The record's id in the address (/teams/:id), or null when it is not a number. */
export function recordId(params: RouteParams): number | null {
  return params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
}

/** One record's page: the record, and what the page says after a write. */
export interface Detail<T> {
  state: AsyncState<T>;
  /** The last confirmation ("Đã lưu …"). */
  status: string;
  /** Someone else changed the record while the user was changing it. */
  stale: boolean;
  /** Says what was written (the record no longer stale). */
  say: (confirmation: string) => void;
  /** Something was written: says so and loads the record again. */
  changed: (confirmation: string) => void;
  /** Something was written and the server answered with the record as it is now: shows it
   *  and says so (no second request). */
  shown: (record: T, confirmation: string) => void;
  /** Loads the record again, the last confirmation gone. */
  refresh: () => void;
  /** Someone else changed it meanwhile (409): loads it again and says so. */
  conflict: () => void;
}

/** Asks for the record of the address (`get` with its id) and keeps what its page says. */
export function useDetail<T>(
  params: RouteParams,
  get: (id: number, signal: AbortSignal) => Promise<T>,
): Detail<T> {
  const id = recordId(params);
  const [status, setStatus] = useState('');
  const [stale, setStale] = useState(false);
  const loaded = useAsync((signal) => (id === null ? Promise.reject(new Error('id')) : get(id, signal)), [id]);
  // A record a write answered with, shown instead of the one loaded until another is loaded.
  const [answered, setAnswered] = useState<{ record: T; over: T | undefined } | null>(null);
  const state: AsyncState<T> = answered && answered.over === loaded.data ? { ...loaded, data: answered.record } : loaded;
  const say = (confirmation: string) => {
    setStale(false);
    setStatus(confirmation);
  };
  const refresh = () => {
    setStatus('');
    state.reload();
  };
  return {
    state,
    status,
    stale,
    say,
    changed: (confirmation) => {
      say(confirmation);
      state.reload();
    },
    shown: (record, confirmation) => {
      say(confirmation);
      setAnswered({ record, over: loaded.data });
    },
    refresh,
    conflict: () => {
      refresh();
      setStale(true);
    },
  };
}

interface Props<T> {
  /** The page it belongs to: "← Danh sách tổ liên gia". */
  back: { href: string; label: string };
  /** The page's heading and the document's title. */
  title: string;
  detail: Detail<T>;
  /** The alert's title once someone else changed the record meanwhile. */
  staleTitle?: string;
  /** The note on a record of the demo data. */
  demoNote?: string;
  /** The page once the record is here. */
  children: (record: T) => ComponentChildren;
}

/**
 * One record's page: the link back to its list, its title, what was last written (or that
 * someone else changed it meanwhile), where its request stands, and once it is here the
 * note on demo data and the page's own parts.
 */
export function DetailFrame<T extends { demo?: boolean }>({ back, title, detail, staleTitle, demoNote, children }: Props<T>) {
  useTitle(title);
  const record = detail.state.data;
  return (
    <>
      <BackLink href={back.href} label={back.label} />
      <h1>{title}</h1>
      <StatusMessage>{detail.status}</StatusMessage>
      {detail.stale && staleTitle ? <AlertMessage title={staleTitle} /> : null}
      <LoadStatus state={detail.state} />
      {record ? (
        <>
          {record.demo && demoNote ? <p class="muted">{demoNote}</p> : null}
          {children(record)}
        </>
      ) : null}
    </>
  );
}

/** A label and its value. */
export type Fact = readonly [label: string, value: ComponentChildren];

/** Label/value rows (the global "facts" grid). */
export function FactList({ id, facts }: { id?: string; facts: readonly Fact[] }) {
  return (
    <dl class="facts" id={id}>
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A record's facts in a panel under their heading: the list is #{id}, its heading #{id}-heading. */
export function FactsPanel({ id, heading, facts }: { id: string; heading: string; facts: readonly Fact[] }) {
  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <FactList id={id} facts={facts} />
    </section>
  );
}
