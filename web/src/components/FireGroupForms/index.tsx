export { FireGroupEditForm, NewFireGroupForm } from './group';
export { HouseholdChooser, MembersForm } from './members';
export { ExtinguisherForm, GearForm, RetireForm } from './equipment';
export { DeletePoint, PointForm } from './points';
export { DrillForm } from './drill';
