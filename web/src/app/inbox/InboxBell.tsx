import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useInboxSummary } from './useInboxSummary.ts';
import './inbox.css';

/** The header's way into the inbox, with the unread count (only for a signed-in person). */
export function InboxBell() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useAuth();
  const signedIn = session.status === 'signed-in';
  const summary = useInboxSummary(signedIn);
  if (!signedIn) return null;
  const unread = summary?.unread ?? 0;
  return (
    <Button
      type="text"
      className="wm-inbox-bell"
      aria-label={unread > 0 ? t('inbox.bellUnread', { count: unread }) : t('inbox.title')}
      data-testid="inbox-bell"
      onClick={() => navigate('/inbox')}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-badge">
        <BellOutlined className="wm-inbox-bell-icon" />
      </Badge>
    </Button>
  );
}
