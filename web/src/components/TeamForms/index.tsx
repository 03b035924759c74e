export { TeamForm } from './team';
export { MemberForm } from './member';
export { PatrolForm } from './patrol';
