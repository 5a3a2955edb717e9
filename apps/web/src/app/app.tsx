import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { Providers } from './providers';
import { createRouter } from './router';
import { UpdatePrompt } from './update-prompt';

export const App = () => {
  const [router] = useState(createRouter);
  return (
    <Providers>
      <RouterProvider router={router} />
      <UpdatePrompt />
    </Providers>
  );
};
