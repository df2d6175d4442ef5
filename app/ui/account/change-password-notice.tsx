/** At the top of the Account page while the password is one someone else chose (a one-time one). */
export function ChangePasswordNotice() {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">Choose a new password now.</p>
      <p className="mt-1">
        You signed in with a password someone else chose for you.{' '}
        <a href="#change-password" className="font-medium underline underline-offset-2 hover:no-underline">
          Change it below
        </a>{' '}
        before you go on: until then, whoever knows it can sign in as you.
      </p>
    </div>
  );
}
