export { CameraForm } from './edit';
export { CheckForm, EraseForm, OwnerPanel, ReconfirmButton, StatusForm, WaitingPanel } from './actions';
