import type { AllowedAction } from '../../../../../../shared/review/view';
import { AssignResponsibleDialog } from './AssignResponsibleDialog';
import { CompleteDialog } from './CompleteDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { ControlInstructionDialog } from './ControlInstructionDialog';
import { CreateResolutionDialog } from './CreateResolutionDialog';
import { LeaveDialog } from './LeaveDialog';
import { OrgLetterDialog } from './OrgLetterDialog';
import { RedirectDialog } from './RedirectDialog';
import { SetControlDialog } from './SetControlDialog';
import { SignDialog } from './SignDialog';
import { TextActionDialog } from './TextActionDialog';

/** The dialog of one allowed action. */
export function ActionDialog({ target }: { target: AllowedAction }) {
  const type = target.type;
  switch (type) {
    case 'assignResponsible':
      return <AssignResponsibleDialog target={target} />;
    case 'createResolution':
      return <CreateResolutionDialog target={target} />;
    case 'acceptResult':
    case 'approveResolution':
      return <ConfirmDialog target={{ ...target, type }} />;
    case 'signSummary':
    case 'signDocument':
      return <SignDialog target={target} />;
    case 'submitResult':
    case 'submitSummary':
    case 'sendMessage':
    case 'rejectResult':
    case 'returnSummary':
    case 'withdraw':
    case 'removeControl':
      return <TextActionDialog target={target} type={type} />;
    case 'complete':
      return <CompleteDialog target={target} />;
    case 'redirect':
      return <RedirectDialog target={target} />;
    case 'sendRequest':
    case 'sendInstruction':
      return <OrgLetterDialog target={target} kind={type} />;
    case 'leaveWithoutConsideration':
      return <LeaveDialog target={target} />;
    case 'setControl':
      return <SetControlDialog target={target} />;
    case 'controlInstruction':
      return <ControlInstructionDialog target={target} />;
  }
}
