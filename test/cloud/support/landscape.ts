// The apps and environments the cloud tests share: one app whose Production still runs port 25
// (Value 587 waits for a restart) and whose Acceptance sends through port 25, a second app.
import type { StandInApp, StandInConstant } from './deployApi';

export const USER = 'ann@mycompany.nl';
/** long enough that a base64 form of it could not occur by chance */
export const API_KEY = 'k3y-6f1b2c9d-secret-7e4a-value';
export const PASSWORD = 'SG.never-shown-anywhere.9x8y7z';

/** An environment's SendGrid mail constants: the port the portal holds and the one the running app uses. */
export function mailConstants(port: string, deployedPort: string, password = PASSWORD): StandInConstant[] {
  return [
    { Name: 'Email_Connector.SMTPHost', DataType: 'String', Value: 'smtp.sendgrid.net', DeployedValue: 'smtp.sendgrid.net' },
    { Name: 'Email_Connector.SMTPPort', DataType: 'Integer', Value: port, DeployedValue: deployedPort },
    { Name: 'Email_Connector.SMTPUsername', DataType: 'String', Value: 'apikey', DeployedValue: 'apikey' },
    { Name: 'Email_Connector.SMTPPassword', DataType: 'String', Value: password, DeployedValue: password },
    { Name: 'Email_Connector.UseTLS', DataType: '_Boolean', Value: 'true', DeployedValue: 'true' },
    { Name: 'Email_Connector.FromAddress', DataType: 'String', Value: 'orders@mycompany.nl', DeployedValue: 'orders@mycompany.nl' },
    { Name: 'Encryption.EncryptionKey', DataType: 'String', Value: 'abcdefabcdefabcdefabcdefabcdefab', DeployedValue: 'abcdefabcdefabcdefabcdefabcdefab' },
  ];
}

export function landscape(): StandInApp[] {
  const mail = mailConstants;
  return [
    {
      AppId: 'calc',
      Name: 'Calculation App',
      environments: [
        { Mode: 'Acceptance', Production: false, Constants: mail('25', '25') },
        { Mode: 'Production', Production: true, Constants: mail('587', '25') },
      ],
    },
    {
      AppId: 'orders',
      Name: 'Orders',
      environments: [{ Mode: 'Production', Production: true, Constants: mail('587', '587') }],
    },
  ];
}
