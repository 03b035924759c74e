import { useEffect, useState } from 'preact/hooks';
import { currentLocation, subscribe, type Location } from './router';

/** The current path and query; re-renders on pushState navigation and Back/Forward. */
export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => subscribe(() => setLocation(currentLocation())), []);
  return location;
}
