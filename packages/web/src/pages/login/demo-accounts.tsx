import type { DemoInfo } from '@amiable/sdk';

type Account = DemoInfo['accounts'][number];

/** The demo server's accounts; clicking one fills the form. */
export function DemoAccounts({ demo, onPick }: { demo: DemoInfo; onPick: (account: Account) => void }) {
  return (
    <div className="demo-accounts" data-testid="demo-credentials">
      <div className="row">
        <span className="pill pill-info plain">Demo</span>
        <span className="small muted">{demo.message ?? 'This server runs in demo mode. Try one of these accounts:'}</span>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>Role</th>
            <th>Username</th>
            <th>Password</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {demo.accounts.map((a) => (
            <tr key={a.username} data-testid="demo-account">
              <td>
                {a.role}
                {a.description && <div className="small muted">{a.description}</div>}
              </td>
              <td className="mono" data-testid="demo-username">
                {a.username}
              </td>
              <td className="mono" data-testid="demo-password">
                {a.password}
              </td>
              <td className="actions">
                <button type="button" className="btn btn-sm" onClick={() => onPick(a)}>
                  Use
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
