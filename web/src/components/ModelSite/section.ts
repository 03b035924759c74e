import type { ModelSiteDetail } from '../../lib/schema';

/** Which form of the site's page is open (one at a time): "edit", "board", "team-new", "team-4"… */
export type Open = string | null;

/** What each part of the site's page is given. */
export interface SectionProps {
  site: ModelSiteDetail;
  /** The user may change the site (its `may_keep`). */
  keeps: boolean;
  open: Open;
  setOpen: (open: Open) => void;
  /** Something was written: say so, close the form and load the site again. */
  onDone: (confirmation: string) => void;
  /** Something was written and the server answered with the site as it is now: show it, say
   *  so and close the form. */
  onSite: (site: ModelSiteDetail, confirmation: string) => void;
  /** Someone else changed it meanwhile (409): load the site again and say so. */
  onStale: () => void;
}
