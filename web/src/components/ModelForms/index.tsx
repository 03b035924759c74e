export { SiteForm } from './site';
export { StandingForm } from './standing';
export { BoardForm } from './board';
export { ModelTeamForm } from './team';
export { ActivityForm } from './activity';
export { AssessmentForm } from './assessment';
export { RegulationForm } from './regulation';
export { TypeForm } from './type';
