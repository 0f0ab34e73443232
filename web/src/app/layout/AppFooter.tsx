import { Footer } from 'nhsuk-react-components';
import { Link } from 'react-router';

export function AppFooter() {
  return (
    <Footer>
      <Footer.Meta visuallyHiddenText="Support links">
        <Footer.ListItem asElement={Link} to="/about">
          About Staff Voices
        </Footer.ListItem>
        <Footer.ListItem asElement={Link} to="/privacy">
          Privacy notice
        </Footer.ListItem>
        <Footer.ListItem asElement={Link} to="/official-accounts">
          Official accounts and verified staff
        </Footer.ListItem>
        <Footer.ListItem asElement={Link} to="/accessibility">
          Accessibility statement
        </Footer.ListItem>
        <Footer.Copyright>© NHS</Footer.Copyright>
      </Footer.Meta>
    </Footer>
  );
}
