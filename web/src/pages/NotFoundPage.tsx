import { Link } from '../app/router';

export function NotFoundPage() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">
        <Link to="/">Go to your dashboard</Link>
      </p>
    </>
  );
}
