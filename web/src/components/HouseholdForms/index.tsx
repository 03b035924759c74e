export { HouseholdForm } from './edit';
export { PhonePanel, RegistrationForm, registrationOf, WithdrawConsentForm } from './actions';
