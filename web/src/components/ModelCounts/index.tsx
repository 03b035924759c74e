export { PeriodForm } from './period';
export { CountsGrid } from './table';
