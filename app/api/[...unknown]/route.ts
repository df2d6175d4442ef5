import { errorResponse } from '@/app/lib/api/error-response';

// Unknown API paths answer in the API's error shape, not with the HTML 404 page.
function notFound() {
  return errorResponse(404, 'not_found', 'No API endpoint has this path. See the API section of the README.');
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
