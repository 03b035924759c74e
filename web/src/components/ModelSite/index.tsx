export type { Open, SectionProps } from './section';
export { SiteFacts } from './facts';
export { LinkedUnits } from './linked';
export { BoardSection } from './board';
export { TeamsSection } from './teams';
export { ActivitiesSection } from './activities';
export { AssessmentsSection } from './assessments';
export { RegulationSection } from './regulation';
