// The shapes of the antq API, named: aliases into the types that `npm run types` generates
// from docs/openapi.yaml (src/lib/api-schema.d.ts). Nothing here is written by hand, so a
// change of the document that the web app does not follow fails `tsc`.
import type { components, operations } from './api-schema';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type CsvFieldError = Schemas['CsvFieldError'];

export type Role = Schemas['Role'];
export type Locale = Schemas['Locale'];
export type User = Schemas['User'];
export type UserPage = Schemas['UserPage'];
export type UserCreate = Schemas['UserCreate'];
export type UserPatch = Schemas['UserPatch'];
export type UserQuery = NonNullable<operations['listUsers']['parameters']['query']>;

export type LoginRequest = Schemas['LoginRequest'];
export type Session = Schemas['Session'];
export type TotpSetup = Schemas['TotpSetup'];
export type RecoveryCodes = Schemas['RecoveryCodes'];

export type UnitKind = Schemas['UnitKind'];
export type Unit = Schemas['Unit'];
export type UnitNode = Schemas['UnitNode'];
export type UnitTree = Schemas['UnitTree'];
export type UnitRef = Schemas['UnitRef'];
export type UnitHistoryEntry = Schemas['UnitHistoryEntry'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitMergeLink = Schemas['UnitMergeLink'];
export type BoundaryFeature = Schemas['BoundaryFeature'];
export type BoundaryCollection = Schemas['BoundaryCollection'];
export type Location = Schemas['Location'];
export type LocatedUnit = Schemas['LocatedUnit'];
export type MapSettings = Schemas['MapSettings'];
export type UnitPage = Schemas['UnitPage'];
export type UnitCreate = Schemas['UnitCreate'];
export type UnitPatch = Schemas['UnitPatch'];
export type UnitMerge = Schemas['UnitMerge'];
export type ImportResult = Schemas['ImportResult'];
export type UnitQuery = NonNullable<operations['listUnits']['parameters']['query']>;

export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type AuditVerification = Schemas['AuditVerification'];
export type AuditQuery = NonNullable<operations['listAuditEntries']['parameters']['query']>;

export type TipKind = Schemas['TipKind'];
export type TipChannel = Schemas['TipChannel'];
export type TipStatus = Schemas['TipStatus'];
export type IdentityMode = Schemas['IdentityMode'];
export type Tip = Schemas['Tip'];
export type TipPage = Schemas['TipPage'];
export type TipCounts = Schemas['TipCounts'];
export type TipEvent = Schemas['TipEvent'];
export type TipMessage = Schemas['TipMessage'];
export type TipFile = Schemas['TipFile'];
export type TipDetail = Schemas['TipDetail'];
export type TipPatch = Schemas['TipPatch'];
export type TipRegistration = Schemas['TipRegistration'];
export type TipRegistered = Schemas['TipRegistered'];
export type TipTransition = Schemas['TipTransition'];
export type RevealedIdentity = Schemas['RevealedIdentity'];
export type TipQuery = NonNullable<operations['listTips']['parameters']['query']>;
export type Labels = Schemas['Labels'];
export type MailboxTaxonomies = Schemas['MailboxTaxonomies'];
export type MailboxKeyHolder = Schemas['MailboxKeyHolder'];
export type MailboxKeyStatus = Schemas['MailboxKeyStatus'];

export type Box = Schemas['Box'];
export type BoxPatch = Schemas['BoxPatch'];
export type BoxList = Schemas['BoxList'];
export type BoxCreate = Schemas['BoxCreate'];
export type Witness = Schemas['Witness'];
export type Opening = Schemas['Opening'];
export type OpeningList = Schemas['OpeningList'];
export type OpeningCreate = Schemas['OpeningCreate'];

export type CameraStatus = Schemas['CameraStatus'];
export type CameraSharing = Schemas['CameraSharing'];
export type CameraOwnerKind = Schemas['CameraOwnerKind'];
export type CameraStorage = Schemas['CameraStorage'];
export type CameraFunding = Schemas['CameraFunding'];
export type Camera = Schemas['Camera'];
export type CameraList = Schemas['CameraList'];
export type CameraDetail = Schemas['CameraDetail'];
export type CameraInput = Schemas['CameraInput'];
export type CameraUpdate = Schemas['CameraUpdate'];
export type CameraOwner = Schemas['CameraOwner'];
export type CameraStatusChange = Schemas['CameraStatusChange'];
export type CameraCheckInput = Schemas['CameraCheckInput'];
export type CameraCones = Schemas['CameraCones'];
export type CameraCone = CameraCones['features'][number];
export type CameraSighting = Schemas['CameraSighting'];
export type CameraSearchResult = Schemas['CameraSearchResult'];
export type CameraQuery = NonNullable<operations['listCameras']['parameters']['query']>;
export type CameraSearchQuery = NonNullable<operations['searchCameras']['parameters']['query']>;
export type CameraRouteQuery = Schemas['CameraRouteQuery'];
export type CameraCoverage = Schemas['CameraCoverage'];
export type CameraCoverageGap = CameraCoverage['gaps'][number];
export type CameraRoads = Schemas['CameraRoads'];
export type CameraRoadImport = Schemas['CameraRoadImport'];
export type CameraRouteSighting = Schemas['CameraRouteSighting'];
export type CameraRouteResult = Schemas['CameraRouteResult'];
export type CameraMaintenance = Schemas['CameraMaintenance'];
export type CameraTaxonomies = Schemas['CameraTaxonomies'];
export type FootageTask = Schemas['FootageTask'];
export type FootageRequest = Schemas['FootageRequest'];
export type FootageRequestSummary = Schemas['FootageRequestSummary'];
export type FootageRequestList = Schemas['FootageRequestList'];
export type FootageRequestCreate = Schemas['FootageRequestCreate'];
export type FootageOutcome = Schemas['FootageOutcome'];
export type FootageLink = Schemas['FootageLink'];
export type CameraImportResult = Schemas['CameraImportResult'];

export type HouseholdConsent = Schemas['HouseholdConsent'];
export type HouseholdRegistration = Schemas['HouseholdRegistration'];
export type Household = Schemas['Household'];
export type HouseholdList = Schemas['HouseholdList'];
export type HouseholdDetail = Schemas['HouseholdDetail'];
export type HouseholdInput = Schemas['HouseholdInput'];
export type HouseholdUpdate = Schemas['HouseholdUpdate'];
export type HouseholdImportResult = Schemas['HouseholdImportResult'];
export type HouseholdPhone = Schemas['HouseholdPhone'];
export type RegistrationInput = Schemas['RegistrationInput'];
export type RegistrationWrite = Schemas['RegistrationWrite'];
export type VillageRegistration = Schemas['VillageRegistration'];
export type RegistrationReport = Schemas['RegistrationReport'];
export type HouseholdQuery = NonNullable<operations['listHouseholds']['parameters']['query']>;
export type RegistrationReportQuery = NonNullable<operations['getRegistrationReport']['parameters']['query']>;
