export { PointSearch } from './point';
export type { Clicked } from './point';
export { RouteSearch } from './route';
